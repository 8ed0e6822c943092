package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.notify.TickReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jdih remind}: tells people what is theirs now (hand-offs, due soon, overdue, rejections, publications)
 * and sends what is due. It needs no scheduler of the library's own: run it from cron or a timer. The
 * notifications are kept in the home's storage, so nothing is sent twice across runs, nor by two runs at once.
 * This CLI sends through the dry-run notifier (printed here); an office's app plugs in the e-mail and Telegram
 * notifiers.
 */
@Command(name = "remind", mixinStandardHelpOptions = true)
final class RemindCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    Home home = main.home();
    home.requireInit();
    Out out = main.out;
    home.printNotificationsTo(line -> out.raw("  -> " + line));
    TickReport r = home.runtime().notifications().tick(home.clock.instant());
    out.line("Pengingat: %d baru, %d terkirim, %d dijadwalkan ulang, %d gagal, %d tanpa alamat",
        "Reminders: %d new, %d sent, %d rescheduled, %d failed, %d unreachable",
        r.recorded(), r.sent().size(), r.retrying().size(), r.failed().size(), r.unreachable().size());
    return 0;
  }
}
