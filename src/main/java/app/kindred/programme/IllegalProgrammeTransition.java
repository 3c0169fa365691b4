package app.kindred.programme;

/** A programme was asked to move to a state it cannot reach from where it is; answered 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class IllegalProgrammeTransition extends RuntimeException {

	IllegalProgrammeTransition(String why) {
		super(why);
	}
}
