package id.go.kpu.jdih.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.notify.Contact;
import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.workflow.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The office's people, kept in {@code people.json} in the home folder; written atomically. */
final class People {

  /** One person as stored. */
  record Entry(String nip, String name, List<String> roles, String email, String telegram) {
    Entry(String nip, String name, List<String> roles) {
      this(nip, name, roles, null, null);
    }

    Person person() {
      return Person.of(Nip.of(nip), name, roles.stream().map(RoleId::of).collect(ImmutableSet.toImmutableSet()));
    }

    /** The person with the addresses notifications reach them at. */
    Contact contact() {
      Contact c = Contact.of(person());
      if (email != null) {
        c = c.withEmail(email);
      }
      if (telegram != null) {
        c = c.withTelegram(telegram);
      }
      return c;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;

  People(Path file) {
    this.file = file;
  }

  ImmutableList<Entry> all() throws IOException {
    if (!Files.exists(file)) {
      return ImmutableList.of();
    }
    try {
      return ImmutableList.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {}));
    } catch (IOException e) {
      throw new CliException("Berkas " + file + " rusak: " + e.getMessage(),
          "The file " + file + " is corrupt: " + e.getMessage(), e);
    }
  }

  Optional<Person> find(String nip) throws IOException {
    String digits = nip.replace(" ", "");
    return all().stream().filter(e -> e.nip().replace(" ", "").equals(digits)).findFirst().map(Entry::person);
  }

  // One writer at a time: threads of this JVM wait on this lock, other processes on the file lock below.
  private static final java.util.concurrent.locks.ReentrantLock WRITERS = new java.util.concurrent.locks.ReentrantLock();

  /**
   * Adds or replaces the person with the entry's NIP. The read, change and rename run under an exclusive lock of
   * {@code people.json.lock}, so two {@code person add} at once (two terminals, two threads) both keep their person.
   */
  void put(Entry entry) throws IOException {
    Files.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    WRITERS.lock();
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      channel.lock(); // released when the channel closes
      write(entry);
    } finally {
      WRITERS.unlock();
    }
  }

  private void write(Entry entry) throws IOException {
    List<Entry> list = new ArrayList<>(all());
    list.removeIf(e -> e.nip().replace(" ", "").equals(entry.nip().replace(" ", "")));
    list.add(entry);
    Path tmp = Files.createTempFile(file.getParent(), ".people-", ".tmp");
    try {
      Files.writeString(tmp, JSON.writeValueAsString(list) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
