package cn.eexpo.catalog.importing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import runs on the instance that received the file; if that instance stops, the import stays {@code RUNNING}.
 * A running import records progress every batch (well under a second), so one silent for {@link #SILENCE} is failed
 * here, by whichever instance looks first. The rows it saved stay saved.
 */
@Component
class AbandonedImports {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);
    static final Duration SILENCE = Duration.ofMinutes(10);

    private final ImportJobs jobs;

    AbandonedImports(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void failAbandoned() {
        try {
            int failed = jobs.failAbandoned(
                    SILENCE,
                    "The import was interrupted (the server restarted); the rows it had saved stay saved. Import the"
                            + " file again: rows already imported are updated, not duplicated.");
            if (failed > 0) {
                log.warn("{} abandoned import(s) marked as failed", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot check for abandoned imports: {}", e.toString());
        }
    }
}
