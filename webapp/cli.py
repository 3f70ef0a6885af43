"""Command-line tasks: ``flask setup`` (or ``ordvard setup``) and its parts."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup
from flask_migrate import upgrade

from glossary.problems import counted
from nlp.dictionary import load_index
from webapp.content import load_bundled_content
from webapp.demo import DEMO_GROUP_NAME, DEMO_JOIN_CODE, create_demo_accounts
from webapp.rights import retention


@click.command("load-content")
def load_content_command() -> None:
    """Load the bundled lessons and term bank into the database."""
    counts = load_bundled_content()
    if not counts:
        click.echo("Inget innehåll att läsa in ännu.")
    for name, loaded in counts.items():
        click.echo(f"{name}: {counted(loaded, 'post inläst', 'poster inlästa')}")


@click.command("create-demo")
def create_demo_command() -> None:
    """Create the demo group and accounts (admin, teacher, two trainees)."""
    click.echo(f"Demogrupp: {DEMO_GROUP_NAME} (gruppkod {DEMO_JOIN_CODE})")
    for account, created in create_demo_accounts():
        state = "skapad" if created else "fanns redan"
        click.echo(
            f"  {account.role.label:<14} {account.email:<26} lösenord: {account.password}  ({state})"
        )


@click.command("setup")
@click.pass_context
def setup_command(ctx: click.Context) -> None:
    """Create or upgrade the database, load the content, create the demo accounts, and build
    the checker's dictionary index (otherwise the first checked note waits for it)."""
    upgrade(revision="heads")
    ctx.invoke(load_content_command)
    ctx.invoke(create_demo_command)
    load_index()
    click.echo("Ordlisteindexet för granskningen av anteckningar är klart.")


@click.command("purge-notes")
@click.option(
    "--older-than",
    "older_than",
    required=True,
    help="Ålder: 18m (månader à 30 dagar), 90d (dagar) eller 2y (år).",
)
@click.option(
    "--apply",
    is_flag=True,
    help="Radera på riktigt. Utan flaggan visas bara vad som skulle raderas.",
)
def purge_notes_command(older_than: str, apply: bool) -> None:
    """Blank the texts of note versions (and delete drafts) older than --older-than, keeping
    the anonymous counts of the group pages; a dry run unless --apply. Cron-able: the exit
    status is 0 on success, 2 on a bad age."""
    try:
        age = retention.parse_age(older_than)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--older-than") from None
    plan = retention.plan_purge(age)
    cutoff = plan.cutoff.strftime("%Y-%m-%d %H:%M UTC")
    summary = (
        f"{counted(len(plan.versions), 'anteckningsversion', 'anteckningsversioner')} och "
        f"{plan.drafts} utkast från före {cutoff}"
    )
    if not apply:
        click.echo(f"Provkörning: {summary} skulle raderas. Lägg till --apply för att radera.")
        return
    retention.purge(plan, older_than)
    click.echo(f"Raderat: texterna i {summary}. Antalen i gruppernas sammanställningar finns kvar.")


def register_commands(app: Flask) -> None:
    for command in (load_content_command, create_demo_command, setup_command, purge_notes_command):
        app.cli.add_command(command)


def main() -> None:
    """The ``ordvard`` console script: ``flask`` with this app preselected."""
    from webapp import create_app

    FlaskGroup(create_app=create_app, help="Ordvård: kommandon för webbplatsen.")()
