-- irreversible in practice: popx runs nothing for an empty file

