package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.kindred.feedback.internal.Suppression;

class SuppressionTests {

	@Test
	void showsCellsOfFiveOrMore() {
		assertThat(Suppression.shown(Map.of("a", 5, "b", 12))).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void aLoneSmallCellTakesTheSmallestOtherCellWithIt() {
		assertThat(Suppression.shown(Map.of("a", 12, "b", 4))).isEmpty();
		assertThat(Suppression.shown(Map.of("a", 12, "b", 4, "c", 7))).containsExactly("a");
		assertThat(Suppression.shown(Map.of("a", 12, "b", 1, "c", 6, "d", 9))).containsExactlyInAnyOrder("a", "d");
	}

	@Test
	void smallCellsThatTogetherHoldFiveNeedNoMore() {
		assertThat(Suppression.shown(Map.of("a", 12, "b", 3, "c", 2))).containsExactly("a");
	}

	@Test
	void emptyCellsGiveNothingAway() {
		assertThat(Suppression.shown(Map.of("a", 12, "b", 0))).containsExactly("a");
	}

}
