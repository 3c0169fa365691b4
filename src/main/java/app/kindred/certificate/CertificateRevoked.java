package app.kindred.certificate;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A coordinator revoked a certificate; its holder is told. The reason stays with the
 * certificate's record and the holder's own page, so it is not carried here.
 */
public record CertificateRevoked(UUID certificate, ProgrammeId programme, AccountId holder, CertificateKind kind) {
}
