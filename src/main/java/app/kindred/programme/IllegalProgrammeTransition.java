package app.kindred.programme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A programme was asked to move to a state it cannot reach from where it is; answered
 * 409.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class IllegalProgrammeTransition extends RuntimeException {

	IllegalProgrammeTransition(String why) {
		super(why);
	}

}
