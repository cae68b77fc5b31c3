-- Initial data for the Car model (one file per engine: CONDITION is reserved on MySQL).
insert into ansi_sql_car (make, model, year, condition)
  values ('Studebaker', 'Champion', 1950, 'fair');
