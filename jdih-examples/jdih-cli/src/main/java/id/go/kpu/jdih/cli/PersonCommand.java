package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.sop.Nip;
import id.go.kpu.jdih.sop.Role;
import id.go.kpu.jdih.sop.RoleId;
import id.go.kpu.jdih.sop.SopDefinition;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jdih person add|list}. */
// Its subcommands are registered by Main.commandLine.
@Command(name = "person", mixinStandardHelpOptions = true)
final class PersonCommand {
  @ParentCommand Main main;

  /** {@code jdih person add}. */
  @Command(name = "add", mixinStandardHelpOptions = true)
  static final class Add implements Callable<Integer> {
    @ParentCommand PersonCommand parent;

    @Option(names = "--nip", required = true, paramLabel = "NIP")
    String nip;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE")
    List<String> roles;

    @Option(names = "--email", paramLabel = "ADDRESS")
    String email;

    @Option(names = "--telegram", paramLabel = "CHAT-ID")
    String telegram;

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Out out = parent.main.out;
      if (!Nip.of(nip).isWellFormed()) {
        throw new CliException("NIP '" + Out.cut(nip) + "' tidak sah: harus 18 angka",
            "NIP '" + Out.cut(nip) + "' is invalid: it must be 18 digits");
      }
      if (name.isBlank()) {
        throw new CliException("Nama wajib diisi", "The name is required");
      }
      Out.requirePrintable("--name", name);
      SopDefinition sop = home.sop();
      for (String r : roles) {
        if (sop.role(new RoleId(r)).isEmpty()) {
          throw new CliException("Peran '" + Out.cut(r) + "' tidak ada dalam SOP; pilih: " + roleIds(sop),
              "Role '" + Out.cut(r) + "' is not in the SOP; choose from: " + roleIds(sop));
        }
      }
      People.Entry entry = new People.Entry(Nip.of(nip).formatted(), name.trim(), List.copyOf(roles), email, telegram);
      entry.contact(); // refuses a malformed e-mail address or chat id before anything is saved
      home.people().put(entry);
      out.line("Tersimpan: %s (NIP %s), peran %s", "Saved: %s (NIP %s), roles %s", Out.cut(name.trim()),
          Nip.of(nip).formatted(), String.join(", ", roles));
      return 0;
    }
  }

  /** {@code jdih person list}. */
  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListPeople implements Callable<Integer> {
    @ParentCommand PersonCommand parent;

    @Override
    public Integer call() throws Exception {
      Home home = parent.main.home();
      home.requireInit();
      Out out = parent.main.out;
      List<People.Entry> all = home.people().all();
      if (all.isEmpty()) {
        out.line("Belum ada orang; tambahkan dengan 'jdih person add'", "No people yet; add them with 'jdih person add'");
      }
      for (People.Entry e : all) {
        out.raw(String.format("%-22s %-28s %-40s %s", e.nip(), Out.cut(e.name()), String.join(", ", e.roles()),
            e.contact().toString().contains("email") || e.email() != null || e.telegram() != null
                ? String.join(" ", java.util.stream.Stream.of(
                    e.email() == null ? null : id.go.kpu.jdih.notify.Mask.email(e.email()),
                    e.telegram() == null ? null : "telegram:" + id.go.kpu.jdih.notify.Mask.telegram(e.telegram()))
                    .filter(java.util.Objects::nonNull).toList()) : "-"));
      }
      return 0;
    }
  }

  static String roleIds(SopDefinition sop) {
    return sop.roles().stream().map(Role::id).map(RoleId::value).collect(Collectors.joining(", "));
  }
}
