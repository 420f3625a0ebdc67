// Progressive enhancement: the form works without this script. With it, the upload shows its
// progress, then the result page replaces this one.
(function () {
  "use strict";
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
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var percent = Math.round((100 * e.loaded) / e.total);
        bar.value = percent;
        status.textContent = percent + "%";
      }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value");
      status.textContent = box.getAttribute("data-checking") || "…";
    });
    request.addEventListener("load", function () {
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
