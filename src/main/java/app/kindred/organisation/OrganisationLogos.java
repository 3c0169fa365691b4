package app.kindred.organisation;

import java.util.Base64;
import java.util.Optional;

/**
 * The logos organisations print on their certificates, uploaded by their admins and
 * checked on the way in (a PNG of sane size, or an SVG with nothing that runs or
 * fetches), so that whoever draws one can trust what is stored.
 */
public interface OrganisationLogos {

	String PNG = "image/png";

	String SVG = "image/svg+xml";

	Optional<Logo> logo(OrganisationId organisation);

	/**
	 * A logo as stored: {@link OrganisationLogos#PNG} or {@link OrganisationLogos#SVG}.
	 */
	record Logo(String contentType, byte[] content) {

		public boolean svg() {
			return SVG.equals(contentType);
		}

		/**
		 * The logo as a {@code data:} URI, for an {@code <img>} on a page or in a PDF.
		 */
		public String dataUri() {
			return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(content);
		}

	}

}
