-- bench/pages: EXPLAIN (ANALYZE, BUFFERS) of the statements behind the pages that grow with the size of the country,
-- at national size, with the measured users' own values. Each as Kindred sends it (the file and line that issue it
-- are named), the parameters filled in. Run by bench/pages with -v participant_email=... -v mentor_email=...
-- -v programme=... (one of the demo-size university's programmes).
\set ON_ERROR_STOP off
select id as participant from account where email = :'participant_email' \gset
select id as mentor from account where email = :'mentor_email' \gset

-- The groups a person is in, across programmes: Home (MeetingHome, GroupingHome, CertificateHome), a participant's
-- meetings and the calendar feed ask it. grouping/internal/PublishedGroupStore.java:154 (groupsOf)
explain (analyze, buffers) select group_id from group_member where account_id = :'participant';

-- The trainings a mentor attended: the mentor's Home (TrainingHome via TrainingService.java:220,
-- MentorTrainingService.java:61). training/internal/TrainingStore.java:142 (attendanceOf)
explain (analyze, buffers) select session_id from session_attendance where account_id = :'mentor';

-- The sessions a mentor said they cannot come to, beside it. training/internal/TrainingStore.java:137 (absencesOf)
explain (analyze, buffers) select session_id from session_absence where account_id = :'mentor';

-- The open surveys waiting for the person's answer: everyone's Home (FeedbackHome).
-- feedback/internal/InvitationStore.java:155 (waitingFor)
explain (analyze, buffers) select s.id from survey s join survey_invitation i on i.survey_id = s.id
 where i.account_id = :'participant' and i.answered = false and s.opens_at <= now() and s.closes_at > now()
 order by s.closes_at;

-- A programme's attendance, as the progress view, the coordinator's Home (MeetingHome.java:103 via
-- GroupProgressService.java:115) and a participant's certificate standing on their Home (Qualifications.java:195 via
-- WorkspaceService.java:251) read it: meeting/internal/WorkspaceStore.java:93 (rolls), by the programme each roll
-- names (index meeting_roll_by_programme, V27). Both as PostgreSQL runs them once the driver has prepared them
-- (prepareThreshold 5) and the plan cache has gone generic, and with the value known.
prepare rolls(uuid) as select r.meeting_id, r.taken_by, r.taken_at from meeting_roll r where r.programme_id = $1;
prepare present(uuid) as select a.meeting_id, a.account_id, a.present from meeting_roll r join meeting_attendance a on a.meeting_id = r.meeting_id where r.programme_id = $1;
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers) execute rolls(:'programme');
explain (analyze, buffers) execute present(:'programme');
set plan_cache_mode = force_custom_plan;
explain (analyze, buffers) execute rolls(:'programme');
explain (analyze, buffers) execute present(:'programme');
reset plan_cache_mode;

-- A group's meetings: a participant's meetings, the calendar feed, a mentor's workspace and Home.
-- meeting/internal/MeetingStore.java (by group; index meeting_by_group, V27)
select group_id as participant_group from group_member where account_id = :'participant' limit 1 \gset
explain (analyze, buffers) select id, programme_id, group_id, number, starts_at, minutes, campus, room, video_link,
       own_place, sequence, cancelled_at from meeting where group_id = :'participant_group' order by number;

-- Not a page, but every 5 s on every instance: the pools with applications left pending
-- (recruitment/internal/SeatStore.java:123 from SeatAllocator.java:140; index application_pending, V27).
explain (analyze, buffers) select distinct programme_id, role from application where state = 'PENDING';

-- The public list of programmes, a page of 20 at a time, narrowed to one organisation (or every one): the page,
-- its count and the organisations to choose from. programme/ProgrammeService.java (published),
-- programme/internal/ProgrammeRepository.java (findByStatusAndOrganisationId, organisationsWith)
select organisation_id as organisation from programme where id = :'programme' \gset
explain (analyze, buffers) select p.id, p.organisation_id, p.term_start from programme p
 where p.status = 'PUBLISHED' and p.organisation_id = :'organisation' order by p.term_start, p.id offset 0 limit 20;
explain (analyze, buffers) select count(p.id) from programme p
 where p.status = 'PUBLISHED' and p.organisation_id = :'organisation';
explain (analyze, buffers) select p.id, p.organisation_id, p.term_start from programme p
 where p.status = 'PUBLISHED' order by p.term_start, p.id offset 0 limit 20;
explain (analyze, buffers) select distinct p.organisation_id from programme p where p.status = 'PUBLISHED';
