-- The event listeners moved into their modules' internal packages (one renamed). Spring Modulith finds the listener
-- of a publication by its id (class and method), so a publication still incomplete when the new version starts
-- (failed, or in flight) would find no listener and never be handled: its id moves with the listener. Only the
-- listener's class is renamed; the events' own types (in the method's parameters) stay where they are.
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'app.kindred.notification.', 'app.kindred.notification.internal.')
 WHERE listener_id LIKE 'app.kindred.notification.%'
   AND listener_id NOT LIKE 'app.kindred.notification.internal.%';

UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'app.kindred.meeting.SchedulesOnPublish.',
                             'app.kindred.meeting.internal.SchedulesOnPublish.')
 WHERE listener_id LIKE 'app.kindred.meeting.SchedulesOnPublish.%';

UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'app.kindred.grouping.RecruitmentFollower.',
                             'app.kindred.grouping.internal.RecruitmentFollower.')
 WHERE listener_id LIKE 'app.kindred.grouping.RecruitmentFollower.%';

UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'app.kindred.recruitment.SeatChanges.',
                             'app.kindred.recruitment.internal.ProgrammeFollower.')
 WHERE listener_id LIKE 'app.kindred.recruitment.SeatChanges.%';
