package app.kindred.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the public address of this installation, used in e-mailed links
 */
@ConfigurationProperties("kindred")
public record KindredProperties(String baseUrl) {

	public String link(String path) {
		var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return base + path;
	}
}
