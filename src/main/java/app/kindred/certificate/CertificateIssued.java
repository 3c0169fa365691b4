package app.kindred.certificate;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A certificate was issued: its holder is told by e-mail, with a link to their
 * certificates rather than the file. Issued once per holder, programme and kind, so
 * issuing again publishes nothing.
 */
public record CertificateIssued(UUID certificate, ProgrammeId programme, AccountId holder, CertificateKind kind) {
}
