package app.kindred.identity;

import java.time.ZoneId;
import java.util.Collection;

/**
 * The time zones a person likely lives in, as a module knows them from the person's part
 * in it (the organisation they are staff of, the programmes they have a place in): the
 * account page offers them first, instead of only the full list of some 600 zones.
 */
public interface LikelyZones {

	Collection<ZoneId> of(AccountId account);

}
