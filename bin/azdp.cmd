@echo off
rem azdp launcher for Windows (cmd.exe and PowerShell): runs the packaged CLI without Maven, like bin/azdp.
rem Build it once with: mvnw.cmd -B -pl cli -am package -DskipTests
rem Set AZDP_JAVA_OPTS to add JVM flags, AZDP_HOME to point at another checkout, JAVA to pick a java.exe.
setlocal
if not defined AZDP_HOME set "AZDP_HOME=%~dp0.."
set "JAR=%AZDP_HOME%\cli\target\quarkus-app\quarkus-run.jar"
if not exist "%JAR%" (
  echo azdp: %JAR% not found; build it with: cd "%AZDP_HOME%" ^&^& mvnw.cmd -B -pl cli -am package -DskipTests 1>&2
  exit /b 1
)
if not defined JAVA set "JAVA=java"
rem Start-up flags as in bin/azdp: C1 only (short runs), small stacks, serial GC. The class-data archive trained by the
rem build is for the JVM that made it; a JVM that cannot use it ignores it silently.
set "CDS="
if exist "%AZDP_HOME%\cli\target\quarkus-app\azdp-trained.jsa" set "CDS=-XX:SharedArchiveFile=%AZDP_HOME%\cli\target\quarkus-app\azdp-trained.jsa"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:CICompilerCount=1 -Xshare:auto %CDS% -Xlog:cds=off -Xlog:cds+dynamic=off %AZDP_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
