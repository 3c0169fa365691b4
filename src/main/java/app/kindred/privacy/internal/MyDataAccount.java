package app.kindred.privacy.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import app.kindred.core.AccountContributor;
import app.kindred.core.HomeContributor;

/** The way to "My data" on everyone's account page, after every other section. */
@Component
class MyDataAccount implements AccountContributor {

	static final int ORDER = 900;

	@Override
	public List<Section> sections(HomeContributor.Viewer viewer) {
		return List.of(new Section(ORDER, "privacy/my-data-account", "myData", viewer));
	}

}
