from mtcheck.cli import run

run()
