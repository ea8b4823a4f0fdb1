<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CheckStep</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_pages_result.py" line="+195"/>
        <source>{count} new order(s)</source>
        <translation>
            <numerusform>{count} new order</numerusform>
            <numerusform>{count} new orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} order(s) updated</source>
        <translation>
            <numerusform>{count} order updated</numerusform>
            <numerusform>{count} orders updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} new feedback entry(s)</source>
        <translation>
            <numerusform>{count} new feedback entry</numerusform>
            <numerusform>{count} new feedback entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{count} blank, total or heading row(s) left out</source>
        <translation>
            <numerusform>{count} blank, total or heading row left out</numerusform>
            <numerusform>{count} blank, total or heading rows left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_history.py" line="+265"/>
        <source>• {count} customer(s) it added will be removed.</source>
        <translation>
            <numerusform>• {count} customer it added will be removed.</numerusform>
            <numerusform>• {count} customers it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} order(s) it added will be removed.</source>
        <translation>
            <numerusform>• {count} order it added will be removed.</numerusform>
            <numerusform>• {count} orders it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} feedback entry(s) it added will be removed.</source>
        <translation>
            <numerusform>• {count} feedback entry it added will be removed.</numerusform>
            <numerusform>• {count} feedback entries it added will be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} customer(s) it updated will get back the details they had before.</source>
        <translation>
            <numerusform>• {count} customer it updated will get back the details they had before.</numerusform>
            <numerusform>• {count} customers it updated will get back the details they had before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>• {count} order(s) it updated will get back the details they had before.</source>
        <translation>
            <numerusform>• {count} order it updated will get back the details it had before.</numerusform>
            <numerusform>• {count} orders it updated will get back the details they had before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>{count} customer(s)</source>
        <translation>
            <numerusform>{count} customer</numerusform>
            <numerusform>{count} customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <location line="+13"/>
        <source>{count} order(s)</source>
        <translation>
            <numerusform>{count} order</numerusform>
            <numerusform>{count} orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-10"/>
        <source>{count} feedback entry(s)</source>
        <translation>
            <numerusform>{count} feedback entry</numerusform>
            <numerusform>{count} feedback entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>{count} record(s) changed since the import were left as they are.</source>
        <translation>
            <numerusform>{count} record changed since the import was left as it is.</numerusform>
            <numerusform>{count} records changed since the import were left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_wizard.py" line="+371"/>
        <source>Saved {count} row(s) with their reasons to {file}.</source>
        <translation>
            <numerusform>Saved {count} row with its reason to {file}.</numerusform>
            <numerusform>Saved {count} rows with their reasons to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetStep</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/import_pages_source.py" line="+178"/>
        <source>{count} row(s)</source>
        <translation>
            <numerusform>{count} row</numerusform>
            <numerusform>{count} rows</numerusform>
        </translation>
    </message>
</context>
</TS>
