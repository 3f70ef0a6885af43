"""Command-line tasks: ``flask setup`` (or ``ordvard setup``) and its parts."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup
from flask_migrate import upgrade

from nlp.dictionary import load_index
from webapp.content import load_bundled_content
from webapp.demo import DEMO_GROUP_NAME, DEMO_JOIN_CODE, create_demo_accounts


@click.command("load-content")
def load_content_command() -> None:
    """Load the bundled lessons and term bank into the database."""
    counts = load_bundled_content()
    if not counts:
        click.echo("Inget innehåll att läsa in ännu.")
    for name, count in counts.items():
        click.echo(f"{name}: {count} poster inlästa")


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


def register_commands(app: Flask) -> None:
    for command in (load_content_command, create_demo_command, setup_command):
        app.cli.add_command(command)


def main() -> None:
    """The ``ordvard`` console script: ``flask`` with this app preselected."""
    from webapp import create_app

    FlaskGroup(create_app=create_app, help="Ordvård: kommandon för webbplatsen.")()
