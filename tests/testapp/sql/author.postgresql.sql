INSERT INTO testapp_author (name) VALUES ('Pat');
