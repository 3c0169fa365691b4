package app.kindred.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.CourseWork;
import app.kindred.assessment.CourseWork.ObjectiveText;
import app.kindred.assessment.ReadingLists;
import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MentorWorkspace;
import app.kindred.programme.ProgrammeId;

/**
 * The credit course of the demo's programme in its meeting phase, half-way through the
 * term: the course set up as its settings page would (code, outcomes, criteria, the
 * course description's reading list, Kindred's own diary prompts), and its four
 * credit-seeking mentors at different points of their course work, written through the
 * course's own rules as they would have done it on its pages.
 *
 * <p>
 * The demo's own mentor has objectives, three diary entries (one shared), hours and half
 * the reading done, and leaves the self- and peer evaluation for whoever tries the demo;
 * her co-mentor has made a start. In the Finnish group one mentor is far along (diary
 * handed in, self-evaluation submitted) and the other has only written objectives; the
 * two have evaluated each other, so both evaluations are revealed. The teacher has passed
 * the one far along, early, so that the coordinator can issue a course certificate; the
 * others have no decision yet. The diary names no participant, as the course's rule
 * requires.
 */
@Component
public class DemoCourse {

	public static final String CODE = "SZ00CM31";

	private static final String ITEMS = "demo/course-SZ00CM31.txt";

	/** The course's credit-seeking mentors. */
	public record Mentors(AccountId demoMentor, AccountId coMentor, AccountId finnishFarAlong,
			AccountId finnishStarting) {
	}

	/** A training session of the programme and its day. */
	public record Session(UUID id, LocalDate day) {
	}

	private final CourseWork work;

	private final ReadingLists readingLists;

	private final PublishedGroups groups;

	private final MentorWorkspace workspace;

	private final Clock clock;

	DemoCourse(CourseWork work, ReadingLists readingLists, PublishedGroups groups, MentorWorkspace workspace,
			Clock clock) {
		this.work = work;
		this.readingLists = readingLists;
		this.groups = groups;
		this.workspace = workspace;
		this.clock = clock;
	}

	void seed(ProgrammeId programme, AccountId coordinator, AccountId teacher, List<Session> trainings,
			LocalDate termStart, Mentors mentors) {
		var items = items();
		work.setUp(programme, coordinator, CODE, items.get("OUTCOMES"), items.get("CRITERIA"));
		readingLists.fillIfEmpty(programme, readingLists.supportingWellbeing());
		demoMentor(programme, mentors.demoMentor(), trainings, termStart);
		coMentor(programme, mentors.coMentor(), termStart);
		finnishFarAlong(programme, mentors.finnishFarAlong(), trainings, termStart);
		work.writeObjectives(programme, mentors.finnishStarting(), List.of(new ObjectiveText(
				"Toimin ryhmässä tasapuolisesti ja huolehdin, että jokaisella on mahdollisuus tulla kuulluksi, myös "
						+ "niillä, jotka puhuvat vähän.",
				3),
				new ObjectiveText("Opin soveltamaan myötätuntoharjoituksia verkkotapaamisissa niin, että ne tuntuvat "
						+ "turvallisilta myös kameran välityksellä.", 2)));
		// Each has evaluated the other: both evaluations are revealed to them and the
		// teachers
		work.submitPeerEvaluation(programme, mentors.finnishFarAlong(), mentors.finnishStarting(),
				List.of(5, 4, 5, 4, 5),
				"Työparini valmistautui tapaamisiin huolellisesti ja toi ryhmään rauhallisen, lämpimän otteen. "
						+ "Hänen avoimet kysymyksensä auttoivat keskustelua syvenemään. Työnjaosta sovimme aina "
						+ "etukäteen, ja hän joustaa, kun suunnitelma muuttuu. Toivoisin, että hän ottaisi vielä "
						+ "rohkeammin vastuuta tapaamisen lopetuksesta.");
		work.submitPeerEvaluation(programme, mentors.finnishStarting(), mentors.finnishFarAlong(),
				List.of(5, 5, 4, 4, 5),
				"Työparini ohjaa harjoitukset selkeästi ja rauhallisesti, ja valmistautuminen näkyy: materiaalit ovat "
						+ "aina valmiina ja aikataulu mietitty. Hän kuuntelee ryhmää tarkasti ja huomaa, jos joku jää "
						+ "sivuun. Yhteistyö on ollut helppoa, koska hän sanoo suoraan, mitä toivoo. Hän voisi luottaa "
						+ "vielä enemmän siihen, ettei hiljaisuus ryhmässä ole ongelma.");
		// Every one of the course's four criteria met
		work.decide(programme, mentors.finnishFarAlong(), teacher, Result.PASS, List.of(1, 2, 3, 4),
				"Kaikki arviointikriteerit täyttyvät. Oppimispäiväkirja pohtii koulutusta ja tapaamisia huolellisesti "
						+ "ja kytkee ne kirjallisuuteen, itsearviointi on rehellinen ja täsmällinen, ja "
						+ "vertaisarvioinnit kertovat reilusta työnjaosta. Arvioitu etuajassa sopimuksen mukaan, koska "
						+ "vaihto-opinnot alkavat heti ryhmän viimeisen tapaamisen jälkeen.");
	}

	/**
	 * The demo's own mentor: three objectives, an entry each about the first training,
	 * the second meeting (shared) and nothing in particular, hours of familiarisation and
	 * reading, two of the four readings read.
	 */
	private void demoMentor(ProgrammeId programme, AccountId mentor, List<Session> trainings, LocalDate termStart) {
		work.writeObjectives(programme, mentor, List.of(new ObjectiveText(
				"I open and close each meeting calmly and keep enough time for the closing round, so that everyone "
						+ "has room to speak.",
				2),
				new ObjectiveText("I notice when the discussion turns to giving advice and gently bring it back to "
						+ "listening and shared experience, without taking over.", 3),
				new ObjectiveText("After each meeting I write down one moment when I felt unsure and reflect on it "
						+ "against the course literature and the ethical principles of my field.", 4)));
		var meetings = meetings(programme, mentor);
		var first = trainings.getFirst();
		work.writeDiaryEntry(programme, mentor, first.day(), first.id(),
				"The first training day was more personal than I expected. We did the soothing-breath exercise "
						+ "ourselves before learning to guide it, and in the practice round my partner said my "
						+ "instructions came too fast for her to settle. I want to slow down and trust the pauses.\n\n"
						+ "The part on compassion and empathy gave me words for something I have noticed in myself: I "
						+ "tire quickly when I try to feel everything with others, less so when I stay warm but steady. "
						+ "That seems worth remembering when a group gets heavy.");
		var second = meetings.get(1);
		var shared = work.writeDiaryEntry(programme, mentor, day(second), second.id(),
				"The inner critic was a harder theme than I had thought. The pair exercise worked, but in the "
						+ "discussion I answered a question that was meant for the whole group, and for a while the "
						+ "conversation turned to my own experience. My co-mentor brought it back with a simple "
						+ "question to everyone. Next time I will wait, look around the circle first and let the "
						+ "silence do some of the work.\n\n"
						+ "In our debrief we agreed that I open the next meeting and she closes it, so that each of us "
						+ "practises the part we find harder. One member was away; we decided to send a short, warm "
						+ "message rather than ask why.");
		work.shareDiaryEntry(programme, mentor, shared);
		work.writeDiaryEntry(programme, mentor, day(meetings.get(2)).plusDays(1), null,
				"Reading the mentor's guide again after three meetings, the chapter on the group's safety made more "
						+ "sense than it did before the term. I had treated the breathing exercise at the start as a "
						+ "warm-up to get through; now I see it as the moment the group moves from the day's rush to "
						+ "being together.\n\n"
						+ "I also noticed that I am much harsher on my own guiding than on anyone else's. Writing this "
						+ "diary is a small exercise in treating myself as I would treat my co-mentor: naming what went "
						+ "well before what I want to change.");
		work.logHours(programme, mentor, "FAMILIARISATION", termStart.minusDays(10), 90,
				"Read the course description and the mentor's guide; notes on ground rules");
		work.logHours(programme, mentor, "GROUPS", termStart.minusDays(2), 60,
				"Planned the first meeting with my co-mentor");
		work.logHours(programme, mentor, "LITERATURE", day(second).plusDays(1), 120,
				"Forsell: Myötätuntomentorointi, the chapters on peer groups");
		work.logHours(programme, mentor, "LITERATURE", day(meetings.get(2)), 150,
				"Grandell: Itsemyötätunto, first half");
		work.markRead(programme, mentor, 1);
		work.markRead(programme, mentor, 3);
	}

	/** The demo mentor's co-mentor: two objectives, a shared entry, some hours. */
	private void coMentor(ProgrammeId programme, AccountId mentor, LocalDate termStart) {
		work.writeObjectives(programme, mentor, List.of(
				new ObjectiveText(
						"I can explain the idea of compassion-focused work to the group in plain words and relate each "
								+ "exercise to it.",
						1),
				new ObjectiveText("I share the leading fairly with my co-mentor, and we agree before each meeting who "
						+ "does what, so that the group always knows whom to turn to.", 3)));
		var first = meetings(programme, mentor).getFirst();
		var entry = work.writeDiaryEntry(programme, mentor, day(first), first.id(),
				"Our first meeting. Agreeing on ground rules took longer than planned, but I think the time was well "
						+ "spent: the group wrote the rules in their own words, and confidentiality came up first.\n\n"
						+ "I was nervous about the opening round and spoke more than I meant to. What helped was that "
						+ "my co-mentor and I had agreed on a signal for when one of us should step in. For the next "
						+ "meeting I want to prepare the transitions between the exercises better; they felt abrupt.");
		work.shareDiaryEntry(programme, mentor, entry);
		work.logHours(programme, mentor, "FAMILIARISATION", termStart.minusDays(7), 120,
				"Read the mentor's guide and the course description");
	}

	/**
	 * The Finnish group's mentor who is far along: objectives, three entries handed in,
	 * hours, three readings, and her self-evaluation submitted.
	 */
	private void finnishFarAlong(ProgrammeId programme, AccountId mentor, List<Session> trainings,
			LocalDate termStart) {
		work.writeObjectives(programme, mentor, List.of(new ObjectiveText(
				"Opin kuvaamaan myötätuntokeskeisen lähestymistavan keskeiset ajatukset niin, että osaan perustella "
						+ "ryhmälle jokaisen harjoituksen tarkoituksen.",
				1),
				new ObjectiveText("Ohjaan harjoitukset rauhallisesti ja annan tilaa hiljaisuudelle, jotta jokainen "
						+ "ehtii pysähtyä omaan kokemukseensa.", 2),
				new ObjectiveText("Pohdin jokaisen tapaamisen jälkeen omaa toimintaani suhteessa kirjallisuuteen ja "
						+ "alan eettisiin periaatteisiin, erityisesti luottamuksellisuuteen.", 4)));
		var meetings = meetings(programme, mentor);
		var training = trainings.get(1);
		work.writeDiaryEntry(programme, mentor, training.day(), training.id(),
				"Toisena koulutuspäivänä harjoittelimme ryhmän ohjaamista pienryhmissä. Huomasin, että kun ohjatessa "
						+ "tuli tauko, kiirehdin täyttämään sen puheella. Kouluttajan palaute oli, että hiljaisuus "
						+ "antaa osallistujille tilaa eikä sitä tarvitse pelätä. Yritän ensi kerralla odottaa hetken "
						+ "ennen kuin jatkan.\n\nMyötätunnon ja empatian ero jäi mieleen: myötätunnossa pysyn itse "
						+ "vakaana ja voin silti olla toisen tukena.");
		work.writeDiaryEntry(programme, mentor, day(meetings.getFirst()), meetings.getFirst().id(),
				"Ensimmäinen tapaaminen verkossa. Jännitin, toimiiko tekniikka, ja se vei aluksi huomioni. "
						+ "Pelisääntöjen sopiminen sujui hyvin, ja ryhmä nosti itse esiin luottamuksellisuuden. "
						+ "Työparini kanssa olimme sopineet, kumpi ohjaa minkäkin osan, ja se helpotti.\n\nVerkossa "
						+ "hiljaisuus tuntuu pidemmältä kuin kasvokkain, joten kerroin etukäteen, että harjoituksen "
						+ "jälkeen pysähdymme hetkeksi ennen keskustelua.");
		work.writeDiaryEntry(programme, mentor, day(meetings.get(2)), meetings.get(2).id(),
				"Myötätuntoinen kirje itselle oli monelle vaikea harjoitus, ja tarjosimme piirtämistä vaihtoehdoksi. "
						+ "Huomasin haluavani korjata tilanteen, kun joku jäi hiljaiseksi, vaikka hiljaa oleminen on "
						+ "yhtä arvokas tapa osallistua.\n\nGrandellin ajatus itsekriittisyydestä suojautumisen "
						+ "keinona auttoi ymmärtämään omaa reaktiotani. Jatkossa luotan enemmän siihen, että jokainen "
						+ "osallistuu omalla tavallaan.");
		work.handInDiary(programme, mentor);
		work.logHours(programme, mentor, "FAMILIARISATION", termStart.minusDays(12), 120,
				"Opintojakson kuvaus ja mentorin opas, muistiinpanot");
		work.logHours(programme, mentor, "LITERATURE", day(meetings.getFirst()).plusDays(2), 180,
				"Forsell: Myötätuntomentorointi");
		work.logHours(programme, mentor, "LITERATURE", day(meetings.get(2)), 120, "Grandell: Itsemyötätunto");
		work.markRead(programme, mentor, 1);
		work.markRead(programme, mentor, 2);
		work.markRead(programme, mentor, 3);
		// The four outcomes, then her three objectives
		work.submitSelfEvaluation(programme, mentor, List.of(4, 4, 5, 3, 4, 3, 4),
				"Puolivälissä kautta koen oppineeni eniten hiljaisuuden sietämisestä ja omasta tavastani reagoida, "
						+ "kun ryhmässä on vaikeaa. Osaan nyt perustella harjoitusten tarkoituksen ryhmälle paremmin "
						+ "kuin koulutuksen alussa.\n\nKehitettävää on vielä verkkotapaamisten ohjaamisessa: huomaan "
						+ "yhä kiirehtiväni. Työnjako työparin kanssa on toiminut hyvin. Eettisesti tärkeintä on "
						+ "ollut luottamuksellisuuden vaaliminen myös oppimispäiväkirjassa.");
	}

	/** The meetings of the mentor's group, by number. */
	private List<Meeting> meetings(ProgrammeId programme, AccountId mentor) {
		var group = groups.groups(programme).stream().filter(g -> g.has(mentor)).findFirst().orElseThrow();
		return workspace.meetings(programme, group.id(), mentor);
	}

	private static LocalDate day(Meeting meeting) {
		return LocalDate.ofInstant(meeting.startsAt(), DemoTimes.HELSINKI);
	}

	/**
	 * The course's outcomes and criteria from the demo's text: under each heading, items
	 * of an English, a Finnish and a Swedish line.
	 */
	private static Map<String, List<Map<Language, String>>> items() {
		String text;
		try (var in = new ClassPathResource(ITEMS).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var items = new LinkedHashMap<String, List<Map<Language, String>>>();
		List<Map<Language, String>> current = null;
		for (var line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
			int bar = line.indexOf('|');
			if (bar < 0) {
				current = items.computeIfAbsent(line, key -> new ArrayList<>());
				continue;
			}
			var language = Language.valueOf(line.substring(0, bar));
			if (language == Language.EN) {
				current.add(new EnumMap<>(Language.class));
			}
			current.getLast().put(language, line.substring(bar + 1));
		}
		return items;
	}

}
