package app.kindred.sso;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.DispatcherServlet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in its own small
 * application context (no auto-configuration, nothing of Kindred's) on its own port, with
 * clients and users in memory. Its ID tokens carry what a university's provider sends
 * (email, email_verified, name, locale, and any claim a user is given, such as a study
 * number); {@link #nextToken(Fault)} spoils the next ID token it issues.
 *
 * <pre>
 * var provider = TestOidcProvider.start(0); // 0: a free port
 * provider.registerClient("kindred", "secret", "http://localhost:8080/sign-in/oidc/" + organisation);
 * provider.addUser(new TestOidcProvider.Person("maija", "pass", "maija@uni.example", true, "Maija M", "fi",
 * 		Map.of("studentNumber", "012345")));
 * // configure the organisation with provider.issuer(), then sign in: the provider's
 * // login form (/login) takes username and password, without CSRF token
 * provider.close();
 * </pre>
 *
 * Use host {@code 127.0.0.1} for the provider and {@code localhost} for Kindred (as
 * {@link #issuer()} does), so the two sites' cookies never mix; the provider's session
 * cookie is also named {@code PROVIDERSESSION}.
 */
public final class TestOidcProvider implements AutoCloseable {

	/** What is wrong with the next ID token. */
	public enum Fault {

		NONE, WRONG_AUDIENCE, EXPIRED

	}

	/**
	 * A user of the provider: {@code username} and {@code password} for its login form;
	 * the rest goes into the ID token ({@code claims} as they are).
	 */
	public record Person(String username, String password, String email, Boolean emailVerified, String name,
			String locale, Map<String, Object> claims) {
	}

	private final ConfigurableApplicationContext context;

	private final State state;

	private TestOidcProvider(ConfigurableApplicationContext context, State state) {
		this.context = context;
		this.state = state;
	}

	/** Starts a provider on the port (0 for any free one). */
	public static TestOidcProvider start(int port) {
		var state = new State(port);
		var application = new SpringApplication(ProviderConfiguration.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		// None of Kindred's configuration files; and Kindred's start check (run for every
		// application in this JVM, from spring.factories) is satisfied with settings that
		// this application, having no auto-configuration, never uses
		application.setDefaultProperties(Map.of("spring.config.name", "test-oidc-provider", "spring.datasource.url",
				"unused", "spring.mail.host", "unused", "kindred.credentials.secret",
				"unused-by-the-test-provider-0123456789"));
		application.addInitializers(c -> c.getBeanFactory().registerSingleton("providerState", state));
		var context = application.run();
		state.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
		return new TestOidcProvider(context, state);
	}

	public static TestOidcProvider start() {
		return start(0);
	}

	/**
	 * The issuer, as OpenID Connect discovery finds it: {@code http://127.0.0.1:<port>}.
	 */
	public String issuer() {
		return "http://127.0.0.1:" + state.port;
	}

	public int port() {
		return state.port;
	}

	/** A client that may sign in at the provider, returning to {@code redirectUri}. */
	public void registerClient(String clientId, String clientSecret, String... redirectUris) {
		var client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientSecret("{noop}" + clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> uris.addAll(List.of(redirectUris)))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		state.clients.save(client);
	}

	public void addUser(Person person) {
		state.people.put(person.username(), person);
		state.users.createUser(User.withUsername(person.username()).password("{noop}" + person.password()).build());
	}

	/** Spoils the next ID token the provider issues (only that one). */
	public void nextToken(Fault fault) {
		state.fault.set(fault);
	}

	@Override
	public void close() {
		context.close();
	}

	/** The provider's clients, users and faults, shared with its beans. */
	static final class State {

		volatile int port;

		final Clients clients = new Clients();

		final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

		final Map<String, Person> people = new ConcurrentHashMap<>();

		final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);

		State(int port) {
			this.port = port;
		}

	}

	/** Clients added while the provider runs. */
	static final class Clients implements RegisteredClientRepository {

		private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

		@Override
		public void save(RegisteredClient client) {
			byId.put(client.getId(), client);
		}

		@Override
		public RegisteredClient findById(String id) {
			return byId.get(id);
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
		}

	}

	/**
	 * Not a {@code @Configuration}, so that Kindred's component scan never picks it up;
	 * registered only as this application's source.
	 */
	@EnableWebSecurity
	static class ProviderConfiguration {

		@Bean
		static TomcatServletWebServerFactory providerServer(State state) {
			var factory = new TomcatServletWebServerFactory(state.port);
			var session = new Session();
			session.getCookie().setName("PROVIDERSESSION");
			factory.setSession(session);
			return factory;
		}

		@Bean
		static DispatcherServlet dispatcherServlet() {
			return new DispatcherServlet();
		}

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain login(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.csrf(c -> c.disable())
				.build();
		}

		@Bean
		RegisteredClientRepository registeredClients(State state) {
			return state.clients;
		}

		@Bean
		InMemoryUserDetailsManager users(State state) {
			return state.users;
		}

		@Bean
		static KeyPair providerKeys() throws NoSuchAlgorithmException {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}

		@Bean
		JWKSource<SecurityContext> jwkSource(KeyPair keys) {
			var key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(KeyPair keys) {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		/** The claims a university's provider sends, and this test's fault. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(State state) {
			return context -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				var person = state.people.get(context.getPrincipal().getName());
				var claims = context.getClaims();
				if (person != null) {
					if (person.email() != null) {
						claims.claim("email", person.email());
					}
					if (person.emailVerified() != null) {
						claims.claim("email_verified", person.emailVerified());
					}
					if (person.name() != null) {
						claims.claim("name", person.name());
					}
					if (person.locale() != null) {
						claims.claim("locale", person.locale());
					}
					if (person.claims() != null) {
						person.claims().forEach(claims::claim);
					}
				}
				switch (state.fault.getAndSet(Fault.NONE)) {
					case WRONG_AUDIENCE -> claims.audience(List.of("another-service"));
					case EXPIRED -> {
						var now = Instant.now();
						claims.issuedAt(now.minus(Duration.ofMinutes(10))).expiresAt(now.minus(Duration.ofMinutes(5)));
					}
					case NONE -> {
					}
				}
			};
		}

	}

}
