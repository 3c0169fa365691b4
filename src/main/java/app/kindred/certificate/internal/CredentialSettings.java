package app.kindred.certificate.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret what the key encrypting the organisations' private signing keys is
 * derived from ({@code KINDRED_CREDENTIAL_SECRET}); outside development mode Kindred does
 * not start without one ({@code core.config.ProductionConfigurationCheck})
 */
@ConfigurationProperties("kindred.credentials")
record CredentialSettings(String secret) {
}
