package app.kindred.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import app.kindred.TestData;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesTheMostCommonPasswords() {
		assertThat(policy.weakness("password123", "a@test.example", "Ann")).hasValue("password.weak.common");
		assertThat(policy.weakness("salasana123", "a@test.example", "Ann")).hasValue("password.weak.common");
	}

	@Test
	void refusesPasswordsBuiltFromTheAddressOrTheName() {
		assertThat(policy.weakness("mikko.virtanen", "mikko.virtanen@uni.example", "M V"))
			.hasValue("password.weak.personal");
		assertThat(policy.weakness("Virtanen2024!!", "mv@uni.example", "Mikko Virtanen"))
			.hasValue("password.weak.personal");
		assertThat(policy.weakness("helmilahtinen1", "hl@uni.example", "Helmi Lahtinen"))
			.hasValue("password.weak.personal");
	}

	@Test
	void refusesKeyboardWalksRepeatsAndSequences() {
		assertThat(policy.weakness("mnbvcxzasdfghjkl", "a@test.example", "Ann")).hasValue("password.weak.keyboard");
		assertThat(policy.weakness("aaaaaaaaaaaa", "a@test.example", "Ann")).hasValue("password.weak.repeated");
		assertThat(policy.weakness("abcdefghijkl", "a@test.example", "Ann")).hasValue("password.weak.repeated");
	}

	@Test
	void keepsTheLengthRule() {
		assertThat(policy.weakness("short", "a@test.example", "Ann")).hasValue("password.tooShort");
		assertThat(policy.weakness("ä".repeat(40), "a@test.example", "Ann")).hasValue("password.tooLong");
	}

	@Test
	void acceptsAStrongPasswordAndTheOnesTheTestsAndTheDemoUse() {
		assertThat(policy.weakness("velvet compass harbour", "mikko.virtanen@uni.example", "Mikko Virtanen")).isEmpty();
		assertThat(policy.weakness(TestData.PASSWORD, "a@test.example", "Ann")).isEmpty();
		assertThat(policy.weakness("quiet lantern orchard", "admin@demo.kindred.test", "Aino Admin")).isEmpty();
	}

}
