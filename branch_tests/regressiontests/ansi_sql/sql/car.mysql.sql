-- Initial data for the Car model on MySQL, where CONDITION is a reserved word.
insert into ansi_sql_car (make, model, year, `condition`)
  values ('Studebaker', 'Champion', 1950, 'fair');
