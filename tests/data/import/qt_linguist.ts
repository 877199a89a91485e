<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/mainwindow.cpp" line="42"/>
        <source>Открыть доклад</source>
        <translation>Open the report</translation>
    </message>
    <message>
        <location filename="../src/mainwindow.cpp" line="57"/>
        <source>Сохранить память переводов</source>
        <comment>File menu</comment>
        <translation type="unfinished">Save the translation memory</translation>
    </message>
    <message>
        <source>Выход</source>
        <translatorcomment>Keep it short: the button is narrow.</translatorcomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Старая строка</source>
        <translation type="obsolete">Old string</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Открыть доклад</source>
        <translation>Open a report</translation>
    </message>
</context>
</TS>
