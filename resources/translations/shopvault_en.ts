<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CheckStep</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_pages_result.py" line="+152"/>
        <source>%n new order(s)</source>
        <translation>
            <numerusform>1 new order</numerusform>
            <numerusform>%n new orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new feedback entry(s)</source>
        <translation>
            <numerusform>1 new feedback entry</numerusform>
            <numerusform>%n new feedback entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n blank or total row(s) left out</source>
        <translation>
            <numerusform>1 blank or total row left out</numerusform>
            <numerusform>%n blank or total rows left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_history.py" line="+220"/>
        <source>• %n customer(s) it added will be removed.</source>
        <translation>
            <numerusform>• 1 customer it added will be removed.</numerusform>
            <numerusform>• %n customers it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>• %n order(s) it added will be removed.</source>
        <translation>
            <numerusform>• 1 order it added will be removed.</numerusform>
            <numerusform>• %n orders it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>• %n feedback entry(s) it added will be removed.</source>
        <translation>
            <numerusform>• 1 feedback entry it added will be removed.</numerusform>
            <numerusform>• %n feedback entries it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>• %n customer(s) it updated will get back the details they had before.</source>
        <translation>
            <numerusform>• 1 customer it updated will get back the details they had before.</numerusform>
            <numerusform>• %n customers it updated will get back the details they had before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <location line="+3"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>1 customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>1 order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n feedback entry(s)</source>
        <translation>
            <numerusform>1 feedback entry</numerusform>
            <numerusform>%n feedback entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n record(s) changed since the import were left as they are.</source>
        <translation>
            <numerusform>1 record changed since the import was left as it is.</numerusform>
            <numerusform>%n records changed since the import were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_wizard.py" line="+320"/>
        <source>Saved %n row(s) with their reasons to {file}.</source>
        <translation>
            <numerusform>Saved 1 row with its reason to {file}.</numerusform>
            <numerusform>Saved %n rows with their reasons to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetStep</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_pages_source.py" line="+167"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>1 row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
</TS>
