package app.kindred.privacy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs retention daily (kindred.retention.cron, 03:30 Helsinki time by default) on every
 * instance; the claim on each programme's row lets only one of them do each programme.
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionService retention;

	RetentionJob(RetentionService retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${kindred.retention.cron}", zone = "${kindred.retention.zone}")
	void daily() {
		int anonymised = retention.run();
		if (anonymised > 0) {
			log.info("Retention anonymised {} programme(s)", anonymised);
		}
	}

}
