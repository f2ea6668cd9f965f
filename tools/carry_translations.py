#!/usr/bin/env python3
"""Carries translations along when tr() strings move to another class.

    git show HEAD:translations/xcomp_de.ts > /tmp/old.ts
    cmake --build build --target xcomp_workbench_lib_lupdate
    tools/carry_translations.py /tmp/old.ts translations/xcomp_de.ts [FROM_CONTEXT]

Qt keys a translation by class (the context) and source text, so lupdate lists a moved message as
new and unfinished in its new context (and drops the old one). This gives every unfinished message
the translation its source text had in OLD.ts, from FROM_CONTEXT when it had one there
(default xcomp::workbench::MainWindow), and says which messages it found no translation for.
NEW.ts is edited in place; lupdate's layout is kept.
"""
import re
import sys

CONTEXT = re.compile(r'<context>\n    <name>(.*?)</name>\n(.*?)</context>', re.S)
MESSAGE = re.compile(r'(    <message( numerus="yes")?>\n        <source>(.*?)</source>\n'
                     r'(?:        <comment>.*?</comment>\n)?)'
                     r'(        <translation( type="unfinished")?>(.*?)</translation>\n)(    </message>\n)', re.S)


def messages(text):
    """(context, source, numerus, translation element, unfinished) of every message."""
    for context in CONTEXT.finditer(text):
        for m in MESSAGE.finditer(context.group(2)):
            yield context.group(1), m.group(3), bool(m.group(2)), m.group(4), bool(m.group(5))


def main(old_path, new_path, from_context):
    translations = {}
    for context, source, numerus, element, unfinished in messages(open(old_path, encoding='utf-8').read()):
        if not unfinished:
            translations.setdefault((source, numerus), []).append((context, element))
    carried, missing = 0, []

    def carry(m):
        nonlocal carried
        if not m.group(5):
            return m.group(0)
        found = translations.get((m.group(3), bool(m.group(2))), [])
        if not found:
            missing.append(m.group(3))
            return m.group(0)
        preferred = [element for context, element in found if context == from_context]
        carried += 1
        return m.group(1) + (preferred or [found[0][1]])[0] + m.group(7)

    text = open(new_path, encoding='utf-8').read()
    text = CONTEXT.sub(lambda c: c.group(0).replace(c.group(2), MESSAGE.sub(carry, c.group(2))), text)
    open(new_path, 'w', encoding='utf-8').write(text)
    print('%s: %d translation(s) carried, %d without one' % (new_path, carried, len(missing)))
    for source in missing:
        print('  no translation: ' + source)
    return 1 if missing else 0


if __name__ == '__main__':
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else 'xcomp::workbench::MainWindow'))
