-- Initial data for the Car model: one statement per row.
insert into ansi_sql_car (make, model, year, condition)
  values ('Studebaker', 'Champion', 1950, 'fair');
