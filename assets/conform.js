// Progressive enhancement: the form works without this script. With it, the upload shows its
// progress, then the result page replaces this one.
(function () {
  "use strict";
  // As GOV.UK's own script does: an error summary takes the focus, so that it is read first.
  var summary = document.querySelector(".govuk-error-summary");
  if (summary) {
    summary.focus();
  }
  var form = document.getElementById("check-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  form.addEventListener("submit", function (event) {
    var file = document.getElementById("file");
    if (!file || !file.files || file.files.length === 0) {
      return; // The server says what is missing.
    }
    event.preventDefault();
    var box = document.getElementById("upload-progress");
    var bar = document.getElementById("upload-bar");
    var status = document.getElementById("upload-status");
    box.hidden = false;
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action"));
    var said = -10;
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var percent = Math.round((100 * e.loaded) / e.total);
        bar.value = percent;
        // Spoken every tenth, not at every event.
        if (percent - said >= 10) {
          said = percent;
          status.textContent = percent + "%";
        }
      }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value");
      status.textContent = box.getAttribute("data-checking") || "…";
    });
    request.addEventListener("load", function () {
      // The result replaces this page, as a form post would; its script then moves the focus.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      form.submit();
    });
    request.send(new FormData(form));
  });
})();
