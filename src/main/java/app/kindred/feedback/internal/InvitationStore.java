package app.kindred.feedback.internal;

import static app.kindred.feedback.internal.SurveyStore.at;
import java.time.OffsetDateTime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;

/**
 * Who was asked to answer a survey, whether they have answered and been reminded, and the
 * hashes of the links e-mailed to them. Nothing here says what anyone answered, or when.
 * Callers own the transactions.
 */
@Repository
public class InvitationStore {

	/** One person's invitation to one survey. */
	public record Invitation(UUID survey, AccountId person, boolean answered, boolean reminded) {
	}

	/** How many a survey invited and how many of them answered. */
	public record Counts(int invited, int answered) {

		static final Counts NONE = new Counts(0, 0);

	}

	private final JdbcClient jdbc;

	InvitationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone the survey invited. */
	public Set<AccountId> invited(UUID survey) {
		return new HashSet<>(jdbc.sql("select account_id from survey_invitation where survey_id = ?")
			.param(survey)
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list());
	}

	/**
	 * Claims the invitation of one person: a second claim, by this instance or another,
	 * fails on the primary key.
	 */
	public void invite(UUID survey, AccountId person, Instant now) {
		jdbc.sql("""
				insert into survey_invitation (survey_id, account_id, invited_at, answered, reminded)
				values (?, ?, ?, false, false)""").params(survey, person.value(), at(now)).update();
	}

	/** Keeps the hash of a link e-mailed to the invited person. */
	public void link(String tokenHash, UUID survey, AccountId person) {
		jdbc.sql("insert into survey_link (token_hash, survey_id, account_id) values (?, ?, ?)")
			.params(tokenHash, survey, person.value())
			.update();
	}

	/** Those the survey invited who have neither answered nor been reminded. */
	public List<AccountId> toRemind(UUID survey) {
		return jdbc.sql("""
				select account_id from survey_invitation
				where survey_id = ? and answered = false and reminded = false""")
			.param(survey)
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * Claims one person's reminder with a conditional update: true for the one
	 * transaction that changed the row.
	 */
	public boolean claimReminder(UUID survey, AccountId person) {
		return jdbc.sql("""
				update survey_invitation set reminded = true
				where survey_id = ? and account_id = ? and reminded = false and answered = false""")
			.params(survey, person.value())
			.update() == 1;
	}

	/** The invitation a link's token hash belongs to. */
	public Optional<Invitation> byLink(String tokenHash) {
		return jdbc.sql("""
				select i.survey_id, i.account_id, i.answered, i.reminded
				from survey_link l join survey_invitation i on i.survey_id = l.survey_id and i.account_id = l.account_id
				where l.token_hash = ?""").param(tokenHash).query(InvitationStore::invitation).optional();
	}

	public Optional<Invitation> find(UUID survey, AccountId person) {
		return jdbc.sql("""
				select survey_id, account_id, answered, reminded from survey_invitation
				where survey_id = ? and account_id = ?""")
			.params(survey, person.value())
			.query(InvitationStore::invitation)
			.optional();
	}

	/**
	 * Locks one invitation until the transaction ends, and reads it: two answers sent at
	 * once are taken one after the other.
	 */
	public Optional<Invitation> lock(UUID survey, AccountId person) {
		return jdbc.sql("""
				select survey_id, account_id, answered, reminded from survey_invitation
				where survey_id = ? and account_id = ? for update""")
			.params(survey, person.value())
			.query(InvitationStore::invitation)
			.optional();
	}

	public void markAnswered(UUID survey, AccountId person) {
		jdbc.sql("update survey_invitation set answered = true where survey_id = ? and account_id = ?")
			.params(survey, person.value())
			.update();
	}

	/** Invited and answered per survey; surveys without invitations are left out. */
	public Map<UUID, Counts> counts(List<UUID> surveys) {
		var counts = new HashMap<UUID, Counts>();
		if (surveys.isEmpty()) {
			return counts;
		}
		record Row(UUID surveyId, int invited, int answered) {
		}
		jdbc.sql("""
				select survey_id, count(*) as invited, sum(case when answered then 1 else 0 end) as answered
				from survey_invitation where survey_id in (:ids) group by survey_id""")
			.param("ids", surveys)
			.query(Row.class)
			.list()
			.forEach(r -> counts.put(r.surveyId(), new Counts(r.invited(), r.answered())));
		return counts;
	}

	/**
	 * The surveys open at this instant that invited the person and that they have not
	 * answered.
	 */
	public List<UUID> waitingFor(AccountId person, Instant now) {
		return jdbc.sql("""
				select s.id from survey s join survey_invitation i on i.survey_id = s.id
				where i.account_id = ? and i.answered = false and s.opens_at <= ? and s.closes_at > ?
				order by s.closes_at""").params(person.value(), at(now), at(now)).query(UUID.class).list();
	}

	private static Invitation invitation(ResultSet rs, int n) throws SQLException {
		return new Invitation(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class)), rs.getBoolean(3),
				rs.getBoolean(4));
	}

	/**
	 * A survey the person was invited to, for their own data: never whether or what they
	 * answered beyond the flag.
	 */
	record OwnInvitation(UUID programmeId, String kind, String moment, OffsetDateTime opensAt, OffsetDateTime closesAt,
			OffsetDateTime invitedAt, boolean reminded, boolean answered) {
	}

	List<OwnInvitation> invitationsOf(AccountId account) {
		return jdbc.sql("""
				select s.programme_id, s.kind, s.moment, s.opens_at, s.closes_at, i.invited_at, i.reminded, i.answered
				  from survey_invitation i join survey s on s.id = i.survey_id
				 where i.account_id = ? order by s.opens_at""")
			.param(account.value())
			.query(OwnInvitation.class)
			.list();
	}

}
