-- The mail listeners moved from app.kindred.notification to app.kindred.notification.internal. Spring Modulith finds
-- the listener of a publication by its id (class and method), so a publication still incomplete when the new version
-- starts (failed, or in flight) would find no listener and its mail would never be recorded: it moves with them.
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'app.kindred.notification.', 'app.kindred.notification.internal.')
 WHERE listener_id LIKE 'app.kindred.notification.%'
   AND listener_id NOT LIKE 'app.kindred.notification.internal.%';
