<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WelcomeWindow</name>
    <message>
        <location filename="../../desktop/ui/welcome_window.py" line="+208"/>
        <source>ShopVault 客户保险箱</source>
        <translation>ShopVault 客户保险箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ShopVault</source>
        <translation>ShopVault 客户保险箱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your shop&apos;s customer records, encrypted on this computer.</source>
        <translation>店铺的客户资料，加密保存在这台电脑上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A shop is set up in this folder:</source>
        <translation>已在以下文件夹中建立店铺：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shop has been set up in this folder yet:</source>
        <translation>以下文件夹中还没有店铺：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The full workspace is coming soon. For now, set up and use your shop from a terminal opened in the ShopVault program folder.</source>
        <translation>完整的工作界面即将推出。在此之前，请在 ShopVault 程序所在的文件夹中打开终端（命令行），用以下命令建立和使用店铺。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create your shop (replace NAME with the shop&apos;s name and USER with the owner&apos;s user name):</source>
        <translation>建立店铺（把 NAME 换成店铺名称，USER 换成店主的用户名）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>See all commands:</source>
        <translation>查看全部命令：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the ShopVault window</source>
        <translation>ShopVault 窗口的显示语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit ShopVault</source>
        <translation>退出 ShopVault</translation>
    </message>
</context>
</TS>
