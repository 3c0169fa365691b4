package app.kindred.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.TestData;
import app.kindred.programme.ProgrammeService;

/**
 * The claim on a programme's retention row, on whichever database the tests run
 * (PostgreSQL too, where the demo data of ErasureIntegrationTests is never seeded): two
 * instances at one programme anonymise it once, and a programme within its period is not
 * touched by a run.
 */
@SpringBootTest
class RetentionClaimIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	RetentionService retention;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ErasureService erasure;

	@Test
	void aStaffMemberIsErasedByACoordinator() {
		var staff = data.staff();
		data.programme(staff, true);
		var teacher = staff.teacher();
		var request = erasure.ask(teacher.id());
		assertThat(erasure.open(staff.organisation(), staff.coordinator().id())).hasSize(1);
		assertThat(retention.dryRun(staff.organisation(), staff.admin().id())).hasSize(1);
		erasure.carryOut(staff.organisation(), request, staff.coordinator().id());
		assertThat(jdbc.sql("select display_name from account where id = ?")
			.param(teacher.id().value())
			.query(String.class)
			.single()).isEqualTo("Erased person");
		assertThat(jdbc.sql("select count(*) from account where email = ?")
			.param(teacher.email())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from membership where account_id = ?")
			.param(teacher.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoInstancesAnonymiseAProgrammeOnce() throws Exception {
		var staff = data.staff();
		var past = data.programme(staff, true);
		var within = data.programme(staff, true);
		jdbc.sql("update programme set term_end = ? where id = ?")
			.params(LocalDate.now().minusMonths(14), past.value())
			.update();
		jdbc.sql("update programme set term_end = ? where id = ?")
			.params(LocalDate.now().minusMonths(10), within.value())
			.update();
		var view = programmes.find(past).orElseThrow();

		for (int round = 0; round < 5; round++) {
			jdbc.sql("delete from programme_retention where programme_id = ?").param(past.value()).update();
			var start = new CountDownLatch(1);
			var executor = Executors.newFixedThreadPool(2);
			Callable<Boolean> anonymise = () -> {
				start.await();
				return retention.anonymise(view);
			};
			var first = executor.submit(anonymise);
			var second = executor.submit(anonymise);
			start.countDown();
			assertThat(first.get() ^ second.get()).as("exactly one of the two anonymised it").isTrue();
			executor.shutdown();
		}
		assertThat(retention.anonymise(view)).isFalse();

		retention.run();
		assertThat(jdbc.sql("select count(*) from programme_retention where programme_id = ?")
			.param(within.value())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(*) from programme_retention where anonymised_at is not null " + "and programme_id = ?")
			.param(past.value())
			.query(Long.class)
			.single()).isOne();
	}

}
