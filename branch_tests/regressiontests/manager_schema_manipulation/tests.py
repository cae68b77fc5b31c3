"""
# A model's default manager performs the schema manipulations of its
# model: creating and dropping its table, on the model's own connection.

>>> import copy
>>> from django_legacy.db import models, connections, model_connection_name
>>> from django_legacy.conf import settings

# Save the settings to restore them later, then configure two more
# connections. They use the databases of the test connections _a and _b,
# whatever the engine: a connection is a name for settings, and two names
# may lead to one database.
>>> odb = copy.deepcopy(settings.OTHER_DATABASES)
>>> settings.OTHER_DATABASES['django_msm_test_db_a'] = {
...     'DATABASE_NAME': odb['_a']['DATABASE_NAME'], 'MODELS': ['msm.PA', 'msm.PB', 'msm.PC']}
>>> settings.OTHER_DATABASES['django_msm_test_db_b'] = {
...     'DATABASE_NAME': odb['_b']['DATABASE_NAME'], 'MODELS': ['msm.QA', 'msm.QB', 'msm.QC', 'msm.QD']}

# default connection
>>> class DA(models.Model):
...     name = models.CharField(maxlength=20)
...
...     def __str__(self):
...         return self.name

# connection a
>>> class PA(models.Model):
...     name = models.CharField(maxlength=20)
...     # This creates a cycle in the dependency graph
...     c = models.ForeignKey('PC', null=True)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

>>> class PB(models.Model):
...     name = models.CharField(maxlength=20)
...     a = models.ForeignKey(PA)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

>>> class PC(models.Model):
...     name = models.CharField(maxlength=20)
...     b = models.ForeignKey(PB)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

# connection b
>>> class QA(models.Model):
...     name = models.CharField(maxlength=20)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

>>> class QB(models.Model):
...     name = models.CharField(maxlength=20)
...     a = models.ForeignKey(QA)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

# many-many
>>> class QC(models.Model):
...     name = models.CharField(maxlength=20)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

>>> class QD(models.Model):
...     name = models.CharField(maxlength=20)
...     qcs = models.ManyToManyField(QC)
...
...     def __str__(self):
...         return self.name
...
...     class Meta:
...         app_label = 'msm'

>>> [str(model_connection_name(m)) for m in (DA, PA, PB, PC, QA, QB, QC, QD)]
['<default>', 'django_msm_test_db_a', 'django_msm_test_db_a', 'django_msm_test_db_a', 'django_msm_test_db_b', 'django_msm_test_db_b', 'django_msm_test_db_b', 'django_msm_test_db_b']

# Using the manager, models can be installed one by one, whether they use
# the default connection or a named connection.

>>> DA.objects.install()
{}
>>> QA.objects.install()
{}
>>> QB.objects.install()
{}
>>> DA.objects.all()
[]
>>> list(QA.objects.all())
[]
>>> list(QB.objects.all())
[]
>>> QA(name="something").save()
>>> QA.objects.all()
[<QA: something>]

# Each table is on its model's connection only.
>>> 'msm_qa' in QA.objects.get_table_list(), 'msm_qa' in DA.objects.get_table_list()
(True, False)
>>> installed = QA.objects.get_installed_models(QA.objects.get_table_list())
>>> sorted(m.__name__ for m in installed if m._meta.app_label == 'msm')
['QA', 'QB']
>>> QC in installed
False

# install() returns the pending references: those whose target table does
# not exist yet, as a dict that maps the model to be installed first to a
# list of (referencing model, field). They are bound to their connection
# and are to be executed once the target is installed.

# NOTE: pretend the backend supports constraints for this part.
>>> real_cnst = PA._default_manager.db.backend.supports_constraints
>>> PA._default_manager.db.backend.supports_constraints = True
>>> result = PA.objects.install()
>>> result
{<class 'regressiontests.manager_schema_manipulation.tests.PC'>: [(<class 'regressiontests.manager_schema_manipulation.tests.PA'>, <django_legacy.db.models.fields.related.ForeignKey ...>)]}

# The manager of the awaited model gives the statement for each pending
# reference.
>>> PC.objects.get_pending(PA, PA._meta.get_field('c'))
BoundStatement('ALTER TABLE "msm_pa" ADD CONSTRAINT "id_refs_c_id_..." FOREIGN KEY ("c_id") REFERENCES "msm_pc" ("id")...;')

# NOTE: restore the real constraint flag.
>>> PA._default_manager.db.backend.supports_constraints = real_cnst

# PB refers to PA, which exists: nothing is pending. Installing PC with the
# pending dict settles the PA -> PC reference (on a backend without
# constraints there is nothing to add, and nothing stays pending).
>>> PB.objects.install(pending=result)
{<class 'regressiontests.manager_schema_manipulation.tests.PC'>: [(<class 'regressiontests.manager_schema_manipulation.tests.PA'>, <django_legacy.db.models.fields.related.ForeignKey ...>)]}
>>> PC.objects.install(pending=result)
{}
>>> sorted(t for t in PA.objects.get_table_list() if t.startswith('msm'))
['msm_pa', 'msm_pb', 'msm_pc']

# Models with many-to-many relationships may also leave pending work: the
# join table waits for its target. If the target's table exists, nothing
# is pending.

>>> QC.objects.install()
{}
>>> QD.objects.install()
{}
>>> d = QD(name='d'); d.save()
>>> d.qcs.create(name='c')
<QC: c>
>>> list(QC.objects.get(name='c').qd_set.all())
[<QD: d>]

# The other way round, the join table waits under its target model and is
# created when the target is installed.
# (On PostgreSQL the last statement is DROP TABLE "msm_qd" CASCADE;.)
>>> QD.objects.drop(cascade=True)
[BoundStatement('DROP TABLE "msm_qd_qcs";'), BoundStatement('DROP TABLE "msm_qd"...;')]
>>> QC.objects.drop()
[BoundStatement('DROP TABLE "msm_qc";')]
>>> pending = QD.objects.install()
>>> pending
{<class 'regressiontests.manager_schema_manipulation.tests.QC'>: [(<class 'regressiontests.manager_schema_manipulation.tests.QD'>, <django_legacy.db.models.fields.related.ManyToManyField ...>)]}
>>> 'msm_qd_qcs' in QD.objects.get_table_list()
False
>>> QC.objects.install(pending=pending)
{}
>>> 'msm_qd_qcs' in QD.objects.get_table_list()
True

# drop() removes a table from its connection and returns what it ran.
>>> DA.objects.drop()
[BoundStatement('DROP TABLE "manager_schema_manipulation_da";')]
>>> 'manager_schema_manipulation_da' in DA.objects.get_table_list()
False

# Finally, drop what is left and restore the original settings.
>>> for model in (PB, PA, PC, QB, QA, QD, QC):
...     model.objects.drop(cascade=True)
[...]
>>> for name in ('django_msm_test_db_a', 'django_msm_test_db_b'):
...     del connections[name]
>>> settings.OTHER_DATABASES = odb
"""
