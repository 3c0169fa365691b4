package app.kindred;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port the tests' GreenMail servers listen on, and the application sends to: a
 * free port picked once per test JVM, before any test class loads, so two test runs on
 * one machine (two checkouts, or CI beside a session) never deliver into each other's
 * mailboxes.
 */
public final class TestSmtp implements LauncherSessionListener {

	static final String PROPERTY = "kindred.test.smtp-port";

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, String.valueOf(freePort()));
		}
	}

	/** A GreenMail server for one test class, on this run's port. */
	public static GreenMailExtension server() {
		return new GreenMailExtension(setup()).withPerMethodLifecycle(false);
	}

	public static ServerSetup setup() {
		return new ServerSetup(Integer.getInteger(PROPERTY, 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
