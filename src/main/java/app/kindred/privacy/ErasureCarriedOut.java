package app.kindred.privacy;

import app.kindred.core.Language;

/**
 * A person was erased: the mail telling them goes to the address they had, carried here
 * because the account no longer has it. Its publication is deleted once the mail is
 * recorded (completion mode delete).
 */
public record ErasureCarriedOut(String email, String displayName, Language language) {
}
