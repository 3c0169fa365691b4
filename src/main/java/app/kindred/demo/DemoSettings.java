package app.kindred.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled seed demo data on the embedded database (never on PostgreSQL)
 */
@ConfigurationProperties("kindred.demo")
record DemoSettings(boolean enabled) {
}
