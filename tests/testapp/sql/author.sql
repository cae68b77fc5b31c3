-- Two authors for every backend.
INSERT INTO testapp_author (name) VALUES ('Ann; the first');
INSERT INTO testapp_author (name) VALUES ('Bob');
