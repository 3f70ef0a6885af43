"""``flask audio build`` and ``flask audio upgrade``."""

from __future__ import annotations

import click

from glossary.problems import counted
from webapp.audio import bp, service
from webapp.words.service import all_spoken_texts

bp.cli.help = "Uttalsklipp: gör dem i förväg, eller byt ut offline-klipp."


@bp.cli.command("build")
@click.option("--limit", type=int, default=None, help="Bara de första N termerna (för test).")
def build_command(limit: int | None) -> None:
    """Make a clip for every term's lemma, forms and example sentence (once each)."""
    texts = all_spoken_texts(limit)
    if not texts:
        click.echo("Det finns inga termer i databasen. Kör först: ordvard setup")
        return
    with click.progressbar(texts, label="Gör uttalsklipp", show_pos=True) as bar:
        made = service.build_clips(bar)
    engines = ", ".join(f"{engine}: {made[engine]}" for engine in service.ENGINES)
    new = counted(sum(made.values()), "nytt klipp", "nya klipp")
    click.echo(
        f"{new} ({engines}); "
        f"{len(texts) - sum(made.values())} fanns redan av {counted(len(texts), 'text', 'texter')}."
    )


@bp.cli.command("upgrade")
def upgrade_command() -> None:
    """Replace clips made offline (eSpeak NG) with gTTS ones when the network is back."""
    texts = service.offline_texts()
    if not texts:
        click.echo("Alla klipp är redan gjorda med gTTS.")
        return
    made, reachable = service.upgrade_clips(texts)
    click.echo(f"{made} av {len(texts)} offline-klipp har nu ett gTTS-klipp.")
    if not reachable:
        click.echo("gTTS gick inte att nå (inget nätverk?). Försök igen senare.", err=True)
