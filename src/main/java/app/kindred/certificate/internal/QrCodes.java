package app.kindred.certificate.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes for printed certificates: a black-and-white PNG with its quiet zone, each
 * module a block of whole pixels, so that it stays sharp at any size and scans from paper
 * or a screen.
 */
final class QrCodes {

	private static final int PIXELS_PER_MODULE = 8;

	private QrCodes() {
	}

	/** The text as a QR code in a {@code data:image/png} URI. */
	static String pngDataUri(String text) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
	}

	static byte[] png(String text) {
		try {
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			int size = matrix.getWidth() * PIXELS_PER_MODULE;
			var image = new BufferedImage(size, matrix.getHeight() * PIXELS_PER_MODULE, BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < size; x++) {
					boolean dark = matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
					image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode as a QR code: " + text.length() + " characters", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
