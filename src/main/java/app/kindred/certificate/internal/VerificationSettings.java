package app.kindred.certificate.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast one client may look certificates up on the public verification page. Codes
 * have 100 random bits, so guessing one is hopeless anyway; the limit keeps anyone from
 * trying at scale, while someone checking a handful of certificates never meets it.
 *
 * @param lookups lookups one client may make per window, found or not
 * @param window the window the lookups are counted in
 */
@ConfigurationProperties("kindred.verification")
record VerificationSettings(@DefaultValue("30") int lookups, @DefaultValue("PT10M") Duration window) {
}
