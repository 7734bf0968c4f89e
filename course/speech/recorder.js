// Recorder widget (anywidget ESM): microphone via MediaRecorder, level meter, duration,
// and file upload. Audio bytes go to Python in pieces over the widget's comm channel.
const PIECE = 4 * 1024 * 1024;

const MESSAGES = {
  insecure: "Trình duyệt không cho dùng micro ở trang này (cần mở qua https hoặc localhost). Hãy tải tệp ghi âm lên thay thế.",
  denied: "Bạn đã chặn quyền dùng micro. Bấm biểu tượng ổ khoá cạnh thanh địa chỉ, chọn «Cho phép» Micro rồi thử lại.",
  absent: "Không tìm thấy micro trên máy. Hãy cắm micro/tai nghe, hoặc tải tệp ghi âm lên.",
  busy: "Micro đang bị ứng dụng khác dùng (Zoom, Teams...). Hãy đóng ứng dụng đó rồi thử lại.",
  unsupported: "Trình duyệt này không ghi âm được. Hãy dùng Chrome, Edge hoặc Firefox bản mới, hoặc tải tệp lên.",
  other: "Không bật được micro. Hãy thử lại hoặc tải tệp ghi âm lên.",
};

function fmt(seconds) {
  const m = Math.floor(seconds / 60), s = Math.floor(seconds % 60);
  return String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
}

function pickMime() {
  const options = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
  if (typeof MediaRecorder === "undefined" || !MediaRecorder.isTypeSupported) return "";
  return options.find((t) => MediaRecorder.isTypeSupported(t)) || "";
}

function extFor(mime) {
  if (mime.includes("ogg")) return "ogg";
  if (mime.includes("mp4")) return "m4a";
  return "webm";
}

async function sendBytes(model, buffer, name, mime, source) {
  model.send({ type: "begin", name, mime, source, size: buffer.byteLength });
  for (let i = 0; i < buffer.byteLength; i += PIECE) {
    model.send({ type: "part" }, undefined, [buffer.slice(i, i + PIECE)]);
  }
  model.send({ type: "end" });
}

function render({ model, el }) {
  el.classList.add("khoahoc-recorder");
  el.innerHTML = `
    <div class="kr-row">
      <button class="kr-rec" type="button">● Ghi âm</button>
      <span class="kr-time">00:00</span>
      <div class="kr-meter" title="Mức âm thanh"><div class="kr-level"></div></div>
    </div>
    <div class="kr-row">
      <label class="kr-upload">⬆ Tải tệp ghi âm lên
        <input type="file" accept=".wav,.mp3,.m4a,.ogg,.oga,.opus,.webm,.flac,audio/*" hidden>
      </label>
    </div>
    <div class="kr-status" role="status" aria-live="polite"></div>`;
  const btn = el.querySelector(".kr-rec");
  const time = el.querySelector(".kr-time");
  const level = el.querySelector(".kr-level");
  const status = el.querySelector(".kr-status");
  const input = el.querySelector("input[type=file]");
  let recorder = null, stream = null, ctx = null, raf = 0, timer = 0, started = 0;

  const show = (text, isError) => {
    status.textContent = text || "";
    status.classList.toggle("kr-error", !!isError);
  };
  const fail = (key) => {
    model.set("error", MESSAGES[key]);
    model.save_changes();
    show(MESSAGES[key], true);
  };
  model.on("change:status", () => show(model.get("status"), model.get("status_is_error")));
  show(model.get("status"), model.get("status_is_error"));

  function cleanup() {
    cancelAnimationFrame(raf);
    clearInterval(timer);
    if (stream) stream.getTracks().forEach((t) => t.stop());
    if (ctx) ctx.close();
    stream = null; ctx = null; recorder = null;
    level.style.width = "0%";
    btn.textContent = "● Ghi âm";
    btn.classList.remove("kr-on");
    model.set("recording", false);
    model.save_changes();
  }

  async function start() {
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return fail("insecure");
    }
    if (typeof MediaRecorder === "undefined") return fail("unsupported");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      const name = (err && err.name) || "";
      if (name === "NotAllowedError" || name === "SecurityError") return fail("denied");
      if (name === "NotFoundError" || name === "OverconstrainedError") return fail("absent");
      if (name === "NotReadableError") return fail("busy");
      return fail("other");
    }
    const mime = pickMime();
    recorder = mime ? new MediaRecorder(stream, { mimeType: mime }) : new MediaRecorder(stream);
    const chunks = [];
    recorder.ondataavailable = (e) => { if (e.data && e.data.size) chunks.push(e.data); };
    recorder.onstop = async () => {
      const type = recorder ? recorder.mimeType || mime || "audio/webm" : mime || "audio/webm";
      cleanup();
      const blob = new Blob(chunks, { type });
      if (!blob.size) return show("Bản ghi trống. Hãy thử ghi âm lại.", true);
      show("Đã ghi " + time.textContent + ", đang gửi cho Python…");
      await sendBytes(model, await blob.arrayBuffer(), "ghi_am." + extFor(type), type, "micro");
    };
    ctx = new (window.AudioContext || window.webkitAudioContext)();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    const draw = () => {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      const rms = Math.sqrt(sum / data.length);
      level.style.width = Math.min(100, Math.round(rms * 400)) + "%";
      raf = requestAnimationFrame(draw);
    };
    draw();
    started = Date.now();
    time.textContent = "00:00";
    timer = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      time.textContent = fmt(s);
      if (s >= model.get("max_seconds")) stop();
    }, 250);
    recorder.start(1000);
    btn.textContent = "■ Dừng";
    btn.classList.add("kr-on");
    model.set("error", "");
    model.set("recording", true);
    model.save_changes();
    show("Đang ghi âm… nói rõ, cách micro khoảng một gang tay.");
  }

  function stop() {
    if (recorder && recorder.state !== "inactive") recorder.stop();
  }

  btn.addEventListener("click", () => (recorder ? stop() : start()));
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    if (file.size > model.get("max_upload_mb") * 1024 * 1024) {
      show("Tệp quá lớn (trên " + model.get("max_upload_mb") + " MB). Hãy dùng lệnh «khoahoc transcribe» trên máy.", true);
      return;
    }
    show("Đang gửi tệp «" + file.name + "»…");
    await sendBytes(model, await file.arrayBuffer(), file.name, file.type || "", "tệp");
    input.value = "";
  });
  return () => { stop(); cleanup(); };
}

export default { render };
