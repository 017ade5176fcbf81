"""SCORM packages written by the tests, with the data model in their manifest."""

from tests.content_packages.conftest import upload, zip_bytes

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="iq.test.datamodel" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema>
    <schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Data model</title>
      <item identifier="part1" identifierref="r1"><title>Part one</title>
        <adlcp:dataFromLMS>level=2</adlcp:dataFromLMS>
        <adlcp:completionThreshold>0.75</adlcp:completionThreshold>
        <imsss:sequencing>
          <imsss:limitConditions attemptLimit="2"/>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="obj-main" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
            <imsss:objective objectiveID="obj-extra"/>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
      <item identifier="handout" identifierref="r2"><title>Handout</title></item>
      <item identifier="part2" identifierref="r3"><title>Part two</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="part1.html">
      <file href="part1.html"/><file href="sco.js"/></resource>
    <resource identifier="r2" type="webcontent" adlcp:scormType="asset"
        href="handout.html"><file href="handout.html"/></resource>
    <resource identifier="r3" type="webcontent" adlcp:scormType="sco" href="part2.html">
      <file href="part2.html"/><file href="sco.js"/></resource>
  </resources>
</manifest>"""

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="iq.test.datamodel12" version="1.2"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Data model 1.2</title>
      <item identifier="part1" identifierref="r1"><title>Part one</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:datafromlms>mode=exam</adlcp:datafromlms>
        <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
        <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="part1.html">
      <file href="part1.html"/></resource>
  </resources>
</manifest>"""

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%s</title></head><body><h1>%s</h1><script src="sco.js"></script></body></html>"""

# The SCO: reads what the LMS passed, and on finishPart(score) writes its
# objective, score and completion, asks to continue and terminates; returns
# the errors the API reported (none expected).
SCO_JS = """(function () {
  var api = window.parent.API_1484_11;
  api.Initialize("");
  var names = ["cmi.scaled_passing_score", "cmi.completion_threshold",
    "cmi.launch_data", "cmi.objectives._count", "cmi.objectives.0.id",
    "cmi.objectives.1.id"];
  var values = {};
  names.forEach(function (name) { values[name] = api.GetValue(name); });
  document.body.setAttribute("data-values", JSON.stringify(values));
  window.finishPart = function (score) {
    var errors = [];
    function set(name, value) {
      api.SetValue(name, value);
      var code = String(api.GetLastError());
      if (code !== "0") { errors.push(name + ":" + code); }
    }
    if (Number(values["cmi.objectives._count"]) > 0) {
      set("cmi.objectives.0.success_status", "passed");
    }
    set("cmi.score.scaled", String(score));
    set("cmi.completion_status", "completed");
    set("cmi.exit", "normal");
    set("adl.nav.request", "continue");
    api.Terminate("");
    return errors;
  };
})();"""


def package_2004() -> bytes:
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_2004,
            "part1.html": PAGE % ("Part one", "Part one"),
            "part2.html": PAGE % ("Part two", "Part two"),
            "handout.html": PAGE.replace('<script src="sco.js"></script>', "")
            % ("Handout", "Handout"),
            "sco.js": SCO_JS,
        }
    )


def package_12() -> bytes:
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12,
            "part1.html": PAGE.replace('<script src="sco.js"></script>', "")
            % ("Part one", "Part one"),
        }
    )


def store(data: bytes, name: str = "datamodel.zip"):
    from content_packages.services import store_package

    return store_package(upload(data, name), filename=name)
