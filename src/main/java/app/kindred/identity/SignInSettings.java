package app.kindred.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in failures slow a client down and how many mails about accounts may go out.
 *
 * @param freeFailures failed sign-ins one client may make for one account before each
 * further attempt waits
 * @param clientFreeFailures failed sign-ins one client may make per hour across all
 * accounts before it waits; higher, since many people may share one address (a campus
 * network)
 * @param maxDelay the longest wait; the wait doubles with every further failure up to it
 * @param forgetAfter a client's failures for an account are forgotten this long after the
 * last one
 * @param mailsPerAddress reset, verification and "someone tried to register" mails per
 * address and mail window
 * @param mailsPerClient such mails one client may cause per mail window
 * @param mailWindow the window the mail limits count in
 */
@ConfigurationProperties("kindred.sign-in")
record SignInSettings(@DefaultValue("3") int freeFailures, @DefaultValue("100") int clientFreeFailures,
		@DefaultValue("PT15M") Duration maxDelay, @DefaultValue("P1D") Duration forgetAfter,
		@DefaultValue("3") int mailsPerAddress, @DefaultValue("10") int mailsPerClient,
		@DefaultValue("PT1H") Duration mailWindow) {
}
