"""Headless OmegaT 3.6 for the tests: load a document, TMX files and a glossary, and report what it made of them.

A throw-away project gets the document in source/, the TMX files in tm/auto/ (the folder whose
exact matches OmegaT writes into the segments on load) and the glossary in glossary/. OmegaT runs
in console-translate mode with an empty configuration directory, so its built-in segmentation
rules apply, and runs DUMP_SCRIPT (Groovy, OmegaT's own --script hook) once the project has
loaded: it writes every segment with its translation, the pairs taken from each TMX, and the
glossary entries as OmegaT's reader for that file type returns them (console mode never starts
the glossary pane, so the script calls the reader itself).

With `srx=`, OmegaT segments by that SRX 2.0 file instead of its own rules: OmegaT 3.6 reads its
built-in rules as the SRX resource org/omegat/core/segmentation/defaultRules.srx, so the file is
put first on the class path under that name, and OmegaT's own SRX reader parses it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))
INSTALL_HINT = "apt-get install -y --no-install-recommends omegat default-jre-headless"
TIMEOUT_SECONDS = 300

# The file name extensions OmegaT 3.6 reads a glossary from, and the reader class for each.
GLOSSARY_READERS = {
    ".txt": "GlossaryReaderTSV",
    ".tab": "GlossaryReaderTSV",
    ".utf8": "GlossaryReaderTSV",
    ".csv": "GlossaryReaderCSV",
    ".tbx": "GlossaryReaderTBX",
}

PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <source_tok></source_tok>
    <target_tok></target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""

DUMP_SCRIPT = r"""
import groovy.json.JsonOutput

if (eventType.toString() != "LOAD") {
    return
}
def dump = [:]
dump.files = project.projectFiles.collect { file ->
    [name: file.filePath, encoding: file.fileEncoding, filter: file.filterFileFormatName]
}
dump.segments = project.allEntries.collect { entry ->
    def info = project.getTranslationInfo(entry)
    [source: entry.srcText, translated: info.isTranslated(), target: info.translation]
}
dump.memories = project.transMemories.collect { path, memory ->
    [name: new File(path).name, pairs: memory.entries.size()]
}
def glossaryPath = System.getProperty("tmtool.glossary", "")
def readerName = System.getProperty("tmtool.glossaryReader", "")
if (glossaryPath != "") {
    try {
        def reader = Class.forName("org.omegat.gui.glossary." + readerName)
        def entries = reader.read(new File(glossaryPath), false)
        dump.glossary = entries.collect { term -> [source: term.srcText, target: term.locText] }
    } catch (Throwable failure) {
        dump.glossaryError = failure.toString()
    }
}
new File(System.getProperty("tmtool.dump")).write(JsonOutput.toJson(dump), "UTF-8")
"""

# OmegaT's messages that say a TMX was refused or only partly understood.
TMX_TROUBLE = ("TF_TM_LOAD_ERROR", "TMXR_WARNING", "TMXR_ERROR", "Exception")


@dataclass(frozen=True, slots=True)
class Segment:
    """One of OmegaT's segments and the translation it holds after loading the project."""

    source: str
    translated: bool
    target: str | None


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class OmegaTRun:
    """What OmegaT made of one project."""

    segments: tuple[Segment, ...]
    memories: dict[str, int]  # TMX file name -> source/target pairs OmegaT took from it
    encodings: tuple[str, ...]  # per source file, as OmegaT detected it
    glossary: tuple[GlossaryEntry, ...] | None
    glossary_error: str
    log: str

    @property
    def exact_matches(self) -> int:
        """Segments filled from tm/auto (OmegaT fills only on an identical source)."""
        return sum(1 for s in self.segments if s.translated)

    @property
    def tmx_trouble(self) -> list[str]:
        """OmegaT's log lines saying that a TMX failed to load or was misread."""
        return [line for line in self.log.splitlines() if any(key in line for key in TMX_TROUBLE)]


class OmegaTFailed(AssertionError):
    """OmegaT did not run to the end, or the dump script wrote nothing."""


def missing_reason() -> str | None:
    """Why OmegaT cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return f"java is not installed ({INSTALL_HINT})"
    if not OMEGAT_JAR.is_file():
        return f"OmegaT is not installed: no {OMEGAT_JAR} ({INSTALL_HINT})"
    return None


def require_omegat() -> None:
    """Skip the calling test when OmegaT cannot run."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)


def project_dirs(root: Path) -> dict[str, Path]:
    names = ("source", "target", "tm/auto", "glossary", "dictionary", "omegat")
    dirs = {name: root / name for name in names}
    for path in dirs.values():
        path.mkdir(parents=True)
    return dirs


def place_files(root: Path, source: Path, tmx: list[Path], glossary: Path | None) -> None:
    """Copy the inputs where OmegaT looks for them; it reads only lower-case .tmx names."""
    dirs = project_dirs(root)
    shutil.copyfile(source, dirs["source"] / source.name)
    for index, path in enumerate(tmx):
        shutil.copyfile(path, dirs["tm/auto"] / f"{index:02d}-{path.stem}.tmx")
    if glossary is not None:
        shutil.copyfile(glossary, dirs["glossary"] / glossary.name)


SRX_RESOURCE = "org/omegat/core/segmentation/defaultRules.srx"


def java_command(work: Path, dump: Path, glossary: Path | None, srx: Path | None = None) -> list[str]:
    reader = GLOSSARY_READERS.get(glossary.suffix.lower(), "") if glossary else ""
    program = ["-jar", str(OMEGAT_JAR)]
    if srx is not None:
        (work / "rules" / SRX_RESOURCE).parent.mkdir(parents=True)
        shutil.copyfile(srx, work / "rules" / SRX_RESOURCE)
        program = ["-cp", f"{work / 'rules'}{os.pathsep}{OMEGAT_JAR}", "org.omegat.Main"]
    return [
        "java", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
        f"-Dtmtool.dump={dump}",
        f"-Dtmtool.glossary={work / 'project' / 'glossary' / glossary.name if glossary else ''}",
        f"-Dtmtool.glossaryReader={reader}",
        *program, str(work / "project"),
        "--mode=console-translate", f"--config-dir={work / 'config'}",
        "--disable-project-locking", "--no-team", f"--script={work / 'dump.groovy'}",
    ]


def run_java(command: list[str], work: Path, timeout: int) -> str:
    """Run OmegaT in its own process group (killed whole on timeout); returns its console log."""
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(HOME=str(work / "home"), LC_ALL="C.UTF-8")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=work, env=env,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        raise OmegaTFailed(f"OmegaT did not finish in {timeout} s:\n{out.decode('utf-8', 'replace')[-3000:]}")
    log = out.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise OmegaTFailed(f"OmegaT exited with {proc.returncode}:\n{log[-3000:]}")
    return log


def read_dump(dump: Path, log: str) -> OmegaTRun:
    if not dump.is_file():
        raise OmegaTFailed(f"OmegaT loaded no project (the dump script did not run):\n{log[-3000:]}")
    data = json.loads(dump.read_text(encoding="utf-8"))
    glossary = data.get("glossary")
    return OmegaTRun(
        segments=tuple(Segment(s["source"], s["translated"], s["target"]) for s in data["segments"]),
        memories={m["name"]: m["pairs"] for m in data["memories"]},
        encodings=tuple(f["encoding"] for f in data["files"]),
        glossary=None if glossary is None else tuple(GlossaryEntry(g["source"], g["target"]) for g in glossary),
        glossary_error=data.get("glossaryError", ""),
        log=log,
    )


def run_omegat(
    source: Path,
    tmx: list[Path] | tuple[Path, ...] = (),
    glossary: Path | None = None,
    *,
    src_lang: str = "ru",
    tgt_lang: str = "en",
    timeout: int = TIMEOUT_SECONDS,
    srx: Path | None = None,
) -> OmegaTRun:
    """Load source (a .txt document), the TMX files and a glossary into OmegaT and report the result."""
    require_omegat()
    with tempfile.TemporaryDirectory(prefix="tmtool-omegat-") as tmp:
        work = Path(tmp)
        place_files(work / "project", source, list(tmx), glossary)
        (work / "project" / "omegat.project").write_text(
            PROJECT_FILE.format(source=src_lang, target=tgt_lang), encoding="utf-8")
        (work / "config").mkdir()
        (work / "home").mkdir()
        (work / "dump.groovy").write_text(DUMP_SCRIPT, encoding="utf-8")
        dump = work / "dump.json"
        log = run_java(java_command(work, dump, glossary, srx), work, timeout)
        return read_dump(dump, log)
