"""SQLAlchemy 2 ORM: one Session bound to two engines (sqlite3 or psycopg)."""

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    import sqlalchemy
    return 'SQLAlchemy ' + sqlalchemy.__version__


def run(target, rows, clock):
    from sqlalchemy import Boolean, Integer, String, create_engine, delete, func, select, update
    from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

    class Base(DeclarativeBase):
        pass

    class Artist(Base):
        __tablename__ = 'artist'
        id: Mapped[int] = mapped_column(Integer, primary_key=True)
        name: Mapped[str] = mapped_column(String(50))
        alive: Mapped[bool] = mapped_column(Boolean)

    class Widget(Base):
        __tablename__ = 'widget'
        id: Mapped[int] = mapped_column(Integer, primary_key=True)
        code: Mapped[str] = mapped_column(String(10))
        weight: Mapped[int] = mapped_column(Integer)

    if target.postgresql:
        a, b = (create_engine(target.url('postgresql+psycopg', n)) for n in 'ab')
    else:
        a, b = (create_engine('sqlite:///' + target.path(n)) for n in 'ab')
    binds = {Artist: a, Widget: b}
    with clock('create'):
        Artist.__table__.create(a)
        Widget.__table__.create(b)
    with clock('insert'):
        with Session(binds=binds) as session:
            for i in range(1, rows + 1):
                session.add(Artist(**artist(i)))
                session.flush()
            for i in range(1, rows + 1):
                session.add(Widget(**widget(i)))
                session.flush()
            session.commit()
    with clock('get'):
        with Session(binds=binds) as session:
            for i in range(1, rows + 1):
                session.get(Artist, i)
            for i in range(1, rows + 1):
                session.get(Widget, i)
    with clock('filter'):
        with Session(binds=binds) as session:
            for obj in session.scalars(select(Artist).where(Artist.id <= rows // 2)):
                pass
            for obj in session.scalars(select(Widget).where(Widget.id <= rows // 2)):
                pass
    with clock('count'):
        with Session(binds=binds) as session:
            for _ in range(COUNTS):
                session.scalar(select(func.count()).select_from(Artist))
                session.scalar(select(func.count()).select_from(Widget))
    with clock('update'):
        with Session(binds=binds) as session:
            session.execute(update(Artist).values(alive=False))
            session.execute(update(Widget).values(weight=7))
            session.commit()
    with clock('update1'):
        with Session(binds=binds) as session:
            for i in range(1, SMALL_UPDATES + 1):
                session.execute(update(Artist).where(Artist.id == i).values(alive=True))
                session.commit()
                session.execute(update(Widget).where(Widget.id == i).values(weight=1))
                session.commit()
    with clock('delete'):
        with Session(binds=binds) as session:
            session.execute(delete(Artist))
            session.execute(delete(Widget))
            session.commit()
    with clock('drop'):
        Artist.__table__.drop(a)
        Widget.__table__.drop(b)
    a.dispose()
    b.dispose()
