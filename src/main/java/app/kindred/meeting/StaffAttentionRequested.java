package app.kindred.meeting;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A group's mentors asked for staff attention: one event per coordinator to tell. It
 * carries no note and no names on purpose, since events are kept in the publication
 * registry and the mail must say only which group asks.
 */
public record StaffAttentionRequested(ProgrammeId programme, UUID group, int groupNumber, AccountId coordinator) {
}
